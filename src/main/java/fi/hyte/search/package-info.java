/**
 * One search across what an organisation has in Hyte: its plans' policy lines, goals and measures,
 * its people and bodies, the indicators it sees, its wellbeing reports and its decision cases.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "organisation", "plan", "indicator", "report", "impact"})
package fi.hyte.search;
