/**
 * One search across what an organisation has in Hyte: its plans' policy lines, goals and measures,
 * its people and bodies, and the indicators it sees.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "organisation", "plan", "indicator"})
package fi.hyte.search;
