/** The hyte maturity self-assessment (Promeq 2019 model): rounds, results, evidence and development actions. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: chart",
            "platform :: format",
            "platform :: mail",
            "organisation",
            "plan",
            "participation",
            "impact"
        })
package fi.hyte.maturity;
