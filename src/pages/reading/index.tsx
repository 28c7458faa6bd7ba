import { ReadingPage } from '@/features/reading/ReadingPage';

export default function Index() {
  return <ReadingPage />;
}
