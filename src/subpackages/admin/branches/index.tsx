import { BranchesPage } from '@/features/admin/branches/BranchesPage';

export default function Index() {
  return <BranchesPage />;
}
