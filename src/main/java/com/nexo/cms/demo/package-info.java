/**
 * The demo tenant's CMS content: news, pages, knowledge-base articles with their categories and the
 * document library's folders with PDF documents, for every audience and in both languages, made
 * through the CMS services as the demo content editor.
 */
package com.nexo.cms.demo;
