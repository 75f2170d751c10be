package com.nexo.crm.forecast.ui;

import com.nexo.crm.forecast.ChartScript;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

/**
 * A chart drawn in the browser by Apache ECharts (a free library loaded as a static script of the
 * application, see {@link ChartScript}); the server sends the chart's option as JSON and the browser
 * draws it, and redraws it when the element is resized. No inline script: the option travels as data
 * of an {@code executeJs} call.
 */
class EChart extends Div {

    /** Waits for the library (loaded once per page), then draws the option, replacing what was drawn. */
    private static final String DRAW = """
            const element = this;
            const option = JSON.parse($0);
            const draw = (attempt) => {
              if (!window.echarts) {
                if (attempt < 200) { setTimeout(() => draw(attempt + 1), 50); }
                return;
              }
              const chart = window.echarts.getInstanceByDom(element) || window.echarts.init(element);
              chart.setOption(option, true);
              if (!element.__nexoResize) {
                // Resized on the next frame, not inside the observer's callback: a resize there can
                // change the layout again and make the browser report a "ResizeObserver loop" error.
                element.__nexoResize = new ResizeObserver(() => {
                  cancelAnimationFrame(element.__nexoFrame);
                  element.__nexoFrame = requestAnimationFrame(() => chart.resize());
                });
                element.__nexoResize.observe(element);
              }
            };
            draw(0);
            """;

    private String option;

    EChart(String className) {
        addClassNames("crm-chart", className);
        setWidthFull();
        setHeight("320px");
    }

    /** Draws {@code optionJson} (an ECharts option) now, or when the chart is attached. */
    void draw(String optionJson) {
        this.option = optionJson;
        getElement().setAttribute("data-option-length", Integer.toString(optionJson.length()));
        if (isAttached()) {
            getElement().executeJs(DRAW, optionJson);
        }
    }

    /** The option last drawn (tests read it). */
    String option() {
        return option;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().addJavaScript(ChartScript.URL);
        if (option != null) {
            getElement().executeJs(DRAW, option);
        }
    }
}
