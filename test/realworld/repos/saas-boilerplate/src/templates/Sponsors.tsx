import { Section } from '@/features/landing/Section';
import { SponsorLogos } from '@/features/sponsors/SponsorLogos';

export const Sponsors = () => (
  <Section>
    <SponsorLogos />
  </Section>
);
