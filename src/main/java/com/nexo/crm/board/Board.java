package com.nexo.crm.board;

import java.util.List;
import java.util.UUID;

/** The board of one pipeline: its active stages, left to right, as columns. */
public record Board(UUID pipelineId, List<BoardColumn> columns) {

    public Board {
        columns = List.copyOf(columns);
    }
}
