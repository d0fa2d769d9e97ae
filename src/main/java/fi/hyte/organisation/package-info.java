/** The organisation, its sectors, people and bodies, the wellbeing group and named responsibilities. */
package fi.hyte.organisation;
