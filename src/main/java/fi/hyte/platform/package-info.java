/** Security, tenancy, languages, layout, audit and error pages shared by every module. */
package fi.hyte.platform;
