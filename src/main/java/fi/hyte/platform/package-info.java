/** Security, tenancy, languages, layout, audit and error pages shared by every module. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package fi.hyte.platform;
