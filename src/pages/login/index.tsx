import { LoginPage } from '@/features/login/LoginPage';

export default function Index() {
  return <LoginPage />;
}
