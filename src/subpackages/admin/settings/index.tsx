import { SettingsPage } from '@/features/admin/settings/SettingsPage';

export default function Index() {
  return <SettingsPage />;
}
