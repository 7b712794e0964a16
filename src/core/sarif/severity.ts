/** How a finding's severity maps onto SARIF levels and GitHub's security-severity scores. */
import type { Severity } from '../findings/types';
import type { SarifLevel } from './sarifTypes';

export function sarifLevel(severity: Severity): SarifLevel {
  switch (severity) {
    case 'critical':
    case 'high':
      return 'error';
    case 'medium':
      return 'warning';
    default:
      return 'note';
  }
}

/**
 * GitHub code scanning buckets security-severity as critical ≥ 9.0, high 7.0–8.9,
 * medium 4.0–6.9, low 0.1–3.9; each severity sits inside its bucket.
 */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

export function securitySeverity(severity: Severity): string {
  return SECURITY_SEVERITY[severity];
}
