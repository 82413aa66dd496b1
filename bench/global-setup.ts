import { printReport, resetReport } from './report';

export default function setup() {
  resetReport();
  return () => printReport();
}
