import { ManagePage } from '@/features/reading/manage/ManagePage';

export default function Index() {
  return <ManagePage />;
}
