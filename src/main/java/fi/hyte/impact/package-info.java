/**
 * Ex-ante impact assessment of decisions (EVA/IVA with the child and gender parts): decision cases,
 * screening, alternatives side by side, hearings, the decision text and the follow-up in the plan.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: format",
            "platform :: document",
            "organisation",
            "plan",
            "indicator",
            "participation"
        })
package fi.hyte.impact;
