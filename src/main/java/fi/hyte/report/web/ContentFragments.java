package fi.hyte.report.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fi.hyte.report.domain.ReportContent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The report's content fragment ({@code report/content :: content}) as HTML, kept by exactly what it
 * shows: the composed content itself (records all the way down, so equal content is equal data, in
 * every heading, number and chart), the blocks marked changed and the language. A draft is composed
 * by the data revisions it was read under ({@code Composer}); when that composition is the same as
 * one already written out, the writing (3 MB of HTML for 150 blocks) is skipped. A section page's
 * blocks are kept the same way, one by one.
 */
@Component
class ContentFragments {

    /** Characters of HTML kept (each kept page also holds its composed content as the key). */
    static final long MAX_CHARACTERS = 32L * 1024 * 1024;

    /** (The changed list may hold null: the omissions appendix has no block id.) */
    private record Key(ReportContent content, List<UUID> changed, Locale locale) {}

    private final ITemplateEngine templates;
    private final Cache<Key, String> written = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS)
            .weigher((Key k, String html) -> html.length())
            .build();

    /** A section page's block, by the block's composed content, whether it changed since review, and the language. */
    private record BlockKey(ReportContent.BlockContent block, boolean changed, Locale locale) {}

    private final Cache<BlockKey, String> writtenBlocks = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS / 4)
            .weigher((BlockKey k, String html) -> html.length())
            .build();

    ContentFragments(ITemplateEngine templates) {
        this.templates = templates;
    }

    String html(ReportContent content, Supplier<Map<String, String>> html, List<UUID> changed, Locale locale) {
        return written.get(new Key(content, new java.util.ArrayList<>(changed), locale), key -> {
            Context context = new Context(locale);
            context.setVariable("doc", content);
            context.setVariable("html", html.get());
            context.setVariable("changedBlocks", key.changed());
            return templates.process("report/content-only", context);
        });
    }

    /** One block as the section page shows it ({@code report/content :: block}), written once for each distinct content. */
    String block(ReportContent.BlockContent block, boolean changed, Locale locale) {
        return writtenBlocks.get(new BlockKey(block, changed, locale), key -> {
            Context context = new Context(locale);
            context.setVariable("b", block);
            context.setVariable("changed", changed);
            return templates.process("report/block-only", context);
        });
    }
}
