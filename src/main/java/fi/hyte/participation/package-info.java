/**
 * Residents take part: the organisation's public site (the published plan, key indicators, contact,
 * privacy notice and accessibility statement), consultations on drafts and what became of them.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: format",
            "platform :: mail",
            "platform :: web",
            "organisation",
            "plan",
            "indicator"
        })
package fi.hyte.participation;
