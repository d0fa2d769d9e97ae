/** Documents any module writes (the wellbeing report first): one model rendered to PDF/UA and DOCX. */
@org.springframework.modulith.NamedInterface("document")
package fi.hyte.platform.document;
