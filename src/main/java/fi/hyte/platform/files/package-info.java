/** One reader for uploaded CSV and XLSX files, with its limits, and the problems it and its callers report. */
@org.springframework.modulith.NamedInterface("files")
package fi.hyte.platform.files;
