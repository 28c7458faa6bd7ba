import { HomePage } from '@/features/home/HomePage';

export default function Index() {
  return <HomePage />;
}
