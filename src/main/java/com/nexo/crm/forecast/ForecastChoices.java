package com.nexo.crm.forecast;

import java.util.List;
import java.util.UUID;

/** What the forecast's filters offer. */
public record ForecastChoices(List<Choice> pipelines, List<Choice> owners, List<Choice> teams) {

    public record Choice(UUID id, String name) {}
}
