import { BindCodeSheetPage } from '@/features/admin/bindcodes/BindCodeSheetPage';

export default function Index() {
  return <BindCodeSheetPage />;
}
