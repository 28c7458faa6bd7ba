import { ManageListPage } from '@/features/activity/manage/ManageListPage';

export default function Index() {
  return <ManageListPage />;
}
