import { CertificatePage } from '@/features/volunteer/CertificatePage';

export default function Index() {
  return <CertificatePage />;
}
