/** The organisation, its sectors, people and bodies, the wellbeing group and named responsibilities. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "platform :: format"})
package fi.hyte.organisation;
