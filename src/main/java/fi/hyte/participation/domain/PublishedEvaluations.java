package fi.hyte.participation.domain;

import fi.hyte.platform.LocalizedText;
import java.util.List;

/** A year's evaluations of the published plan, as published: goals first, then measures. */
public record PublishedEvaluations(int year, List<Item> items) {

    /** One evaluation; realised YES, PARTLY or NO; the assessment is written in Finnish. */
    public record Item(String ref, LocalizedText title, boolean goal, String realised, String assessment) {}
}
