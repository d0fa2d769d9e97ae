/** The hyte maturity self-assessment (Promeq 2019 model): rounds, results, evidence and development actions. */
package fi.hyte.maturity;
