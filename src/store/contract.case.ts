import { articleCases } from './contract/articles.case.ts';
import { checkCases } from './contract/checks.case.ts';
import { boundedCases } from './contract/bounded.case.ts';
import { claimCases } from './contract/claims.case.ts';
import { discoveryCases } from './contract/discovery.case.ts';
import { evidenceCases } from './contract/evidence.case.ts';
import { evidenceSealCases } from './contract/evidence-seal.case.ts';
import { generationCases } from './contract/generation.case.ts';
import type { ContractHarness } from './contract/fixtures.ts';
import { moderationCases } from './contract/moderation.case.ts';
import { opsCases } from './contract/ops.case.ts';
import { notifyClaimCases } from './contract/notify-claims.case.ts';
import { notifyCases } from './contract/notify.case.ts';
import { readingCases } from './contract/reading.case.ts';
import { schemaCases } from './contract/schema.case.ts';
import { significanceCases } from './contract/significance.case.ts';
import { sourceCases } from './contract/sources.case.ts';
import { statisticsCases } from './contract/statistics.case.ts';
import { versionCases } from './contract/versions.case.ts';

export type { ContractHarness } from './contract/fixtures.ts';

/** The one contract every Store implementation passes; call it inside the implementation's test file. */
export function storeContract(harness: ContractHarness): void {
  sourceCases(harness);
  articleCases(harness);
  claimCases(harness);
  versionCases(harness);
  readingCases(harness);
  statisticsCases(harness);
  schemaCases(harness);
  moderationCases(harness);
  opsCases(harness);
  discoveryCases(harness);
  evidenceCases(harness);
  evidenceSealCases(harness);
  boundedCases(harness);
  checkCases(harness);
  significanceCases(harness);
  notifyCases(harness);
  notifyClaimCases(harness);
  generationCases(harness);
}
