import { NominatePage } from '@/features/honor/NominatePage';

export default function Index() {
  return <NominatePage />;
}
