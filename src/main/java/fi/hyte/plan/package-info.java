/**
 * The wellbeing plan of a council term: policy lines, goals with indicator targets, measures with
 * owners, resources and budget links, yearly evaluations, progress, gaps, reminders and the
 * spreadsheet round trip for budget preparation.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: format",
            "platform :: files",
            "platform :: mail",
            "organisation",
            "indicator"
        })
package fi.hyte.plan;
