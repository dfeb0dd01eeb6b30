import { PartnersAdmin } from '@/features/partners/components/partners-admin';

export default function PartnersRoute() {
  return <PartnersAdmin />;
}
