/** The web layer shared by every module: error pages, form binding, messages, and kept public pages. */
@org.springframework.modulith.NamedInterface("web")
package fi.hyte.platform.web;
