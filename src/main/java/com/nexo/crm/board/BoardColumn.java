package com.nexo.crm.board;

import com.nexo.base.paging.PageCursor;
import com.nexo.crm.opportunities.OpportunityRow;
import com.nexo.crm.pipelines.StageRow;
import java.util.List;

/**
 * One column of the board: a stage, the totals of every open opportunity in it that the filter and
 * the user's visibility let through, and its first cards ({@code next}: where "more" goes on, null
 * when every card is shown).
 */
public record BoardColumn(StageRow stage, ColumnTotals totals, List<OpportunityRow> cards, PageCursor next) {

    public BoardColumn {
        cards = List.copyOf(cards);
    }
}
