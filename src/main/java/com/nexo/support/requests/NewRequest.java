package com.nexo.support.requests;

import com.nexo.support.RequestCategory;

/** What a client writes to open a request. */
public record NewRequest(String subject, RequestCategory category, String text) {}
