import { CodePage } from '@/features/volunteer/manage/CodePage';

export default function Index() {
  return <CodePage />;
}
