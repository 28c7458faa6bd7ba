import { EditPage } from '@/features/reading/manage/EditPage';

export default function Index() {
  return <EditPage />;
}
