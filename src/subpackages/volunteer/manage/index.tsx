import { ManagePage } from '@/features/volunteer/manage/ManagePage';

export default function Index() {
  return <ManagePage />;
}
