/**
 * The wellbeing report and plan (hyvinvointikertomus): annual, extended and regional reports written
 * from live indicator, plan and maturity data, handled by the bodies, frozen at approval and published.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: chart",
            "platform :: format",
            "platform :: document",
            "platform :: jobs",
            "platform :: mail",
            "platform :: web",
            "organisation",
            "indicator",
            "plan",
            "maturity",
            "participation",
            "impact"
        })
package fi.hyte.report;
