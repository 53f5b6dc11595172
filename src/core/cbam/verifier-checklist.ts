/** What a verifier will ask for: the pack's verifier rules (rules.verifier) interpreted by ./rules/verifier.ts. */
export { verifierItems, type VerifierFacts, type VerifierItem } from './rules/verifier';
