package com.nexo.support.demo;

import com.nexo.demo.DemoData;
import com.nexo.demo.DemoTenant;
import com.nexo.demo.DemoUsers;
import com.nexo.support.RequestCategory;
import com.nexo.support.requests.NewRequest;
import com.nexo.support.requests.PortalRequests;
import com.nexo.support.requests.RequestDesk;
import com.nexo.support.requests.RequestFilter;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's requests: the client's question the sales team has answered (so the portal's home shows
 * an answer waiting) and its invoice query still open for the back office, and the supplier's question
 * about a payment, also open. Runs once: a tenant with any request is left alone; the second tenant
 * gets none.
 */
@Component
@Order(80)
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoSupport implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSupport.class);
    static final String CLIENT = "cliente@demo.nexo";
    static final String SALES = "ventas@demo.nexo";
    static final String SUPPLIER = "proveedor@demo.nexo";

    private final DemoUsers users;
    private final PortalRequests client;
    private final RequestDesk desk;

    DemoSupport(DemoUsers users, PortalRequests client, RequestDesk desk) {
        this.users = users;
        this.client = client;
        this.desk = desk;
    }

    @Override
    public void seed(DemoTenant tenant) {
        if (tenant != DemoTenant.DEMO) {
            return;
        }
        boolean[] seeded = {true};
        if (!users.runAs(
                SALES,
                () -> seeded[0] =
                        !desk.page(RequestFilter.all(), null, 1).rows().isEmpty())) {
            LOG.warn("Demo requests skipped: the demo salesperson {} does not exist", SALES);
            return;
        }
        if (seeded[0]) {
            return;
        }
        UUID[] question = {null};
        boolean opened = users.runAs(CLIENT, () -> {
            question[0] = client.open(
                    new NewRequest(
                            "Horario de entrega en el local de la playa",
                            RequestCategory.DELIVERY,
                            "Buenas: ¿podéis entregar los pedidos antes de las 10:00? Después la calle se cierra al tráfico."),
                    List.of());
            client.open(
                    new NewRequest(
                            "Descuento que no aparece en la última factura",
                            RequestCategory.INVOICE,
                            "En la última factura no vemos el 5 % de descuento acordado. ¿Podéis revisarla?"),
                    List.of());
        });
        if (!opened) {
            LOG.warn("Demo requests skipped: the demo client {} does not exist", CLIENT);
            return;
        }
        users.runAs(
                SALES,
                () -> desk.answer(
                        question[0],
                        desk.read(question[0]).version(),
                        "Hola, Carmen: sí, desde la semana que viene la ruta de la costa sale a las 7:30 y os entrega antes de"
                                + " las 9:30. Cualquier cambio os avisamos por aquí.",
                        List.of()));
        LOG.info("Demo requests: 2 opened by {}, 1 answered", CLIENT);
        if (users.runAs(
                SUPPLIER,
                () -> client.open(
                        new NewRequest(
                                "Pago de la factura de octubre",
                                RequestCategory.PAYMENT,
                                "Buenos días: la factura de octubre vencía el día 15 y todavía no nos consta el pago."
                                        + " ¿Podéis confirmarnos la fecha?"),
                        List.of()))) {
            LOG.info("Demo requests: 1 opened by {}", SUPPLIER);
        }
    }
}
