import { BindPage } from '@/features/bind/BindPage';

export default function Index() {
  return <BindPage />;
}
