import { ViewPage } from '@/features/reading/ViewPage';

export default function Index() {
  return <ViewPage />;
}
