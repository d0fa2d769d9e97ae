/** The background job runner any module may use: one running job per scope, progress in the database. */
@org.springframework.modulith.NamedInterface("jobs")
package fi.hyte.platform.jobs;
