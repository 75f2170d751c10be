package com.nexo.crm.demo;

import java.util.List;

/** The demo CRM's words, in the demo tenant's language. */
record DemoCrmTexts(
        List<String> salespeople,
        List<String> clients,
        String teamName,
        List<String> pipelines,
        List<List<String>> stages,
        List<List<Integer>> probabilities,
        List<String> lostReasons,
        List<String> deals,
        List<String> people,
        List<String> companies,
        List<String> interests,
        List<String> regions,
        List<String> calls,
        List<String> meetings,
        List<String> tasks,
        List<String> notes) {

    /** Salespeople the demo tenant gets for its team: e-mail and name. */
    static final List<String[]> EXTRA_SALESPEOPLE = List.of(
            new String[] {"comercial.norte@demo.nexo", "Lucas Norte"},
            new String[] {"comercial.sur@demo.nexo", "Irene Sur"});

    static final DemoCrmTexts SPANISH = new DemoCrmTexts(
            List.of("ventas@demo.nexo", "comercial.norte@demo.nexo", "comercial.sur@demo.nexo", "admin@demo.nexo"),
            List.of(
                    "Hermanos Pérez",
                    "Talleres Ebro",
                    "Distribuciones Levante",
                    "Ferretería La Económica",
                    "Muebles Artesanos",
                    "Carpintería Metálica Aragón",
                    "Hotel Playa Dorada",
                    "Cooperativa Agrícola Vega",
                    "Supermercados Familia Ortega",
                    "Taller de Motos Ruedas Libres"),
            "Equipo comercial",
            List.of("Ventas", "Proyectos a medida"),
            List.of(
                    List.of("Nuevo contacto", "Cualificada", "Propuesta enviada", "Negociación", "Cierre verbal"),
                    List.of("Visita técnica", "Diseño", "Presupuesto", "Aprobación")),
            List.of(List.of(10, 25, 50, 70, 90), List.of(15, 35, 60, 85)),
            List.of(
                    "Precio más alto que la competencia",
                    "Plazo de entrega",
                    "Proyecto aplazado",
                    "Sin presupuesto del cliente",
                    "Eligió a otro proveedor"),
            List.of(
                    "Estructura metálica para nave",
                    "Barandillas de escalera",
                    "Corte láser de chapa",
                    "Contrato anual de tornillería",
                    "Puertas correderas de acero",
                    "Cerramiento de parcela",
                    "Soportes a medida",
                    "Reforma del taller",
                    "Suministro de EPI",
                    "Mantenimiento de maquinaria",
                    "Pasarela industrial",
                    "Marquesina de entrada"),
            List.of(
                    "Laura Gómez",
                    "Javier Martín",
                    "Nuria Sánchez",
                    "Andrés Romero",
                    "Beatriz Navarro",
                    "Carlos Ruiz",
                    "Elena Torres",
                    "Fernando Díaz",
                    "Isabel Moreno",
                    "Miguel Álvarez"),
            List.of(
                    "Construcciones Ribera",
                    "Agroindustrias del Cinca",
                    "Bodegas Valdejalón",
                    "Logística Ebro Norte",
                    "Instalaciones Moncayo",
                    "Ganadería Los Monegros"),
            List.of(
                    "Pide precio de una estructura para almacén",
                    "Interesado en corte láser por lotes",
                    "Quiere renovar barandillas de su local",
                    "Busca proveedor de tornillería con entrega semanal",
                    "Necesita una puerta corredera a medida"),
            List.of("Zaragoza", "Huesca", "Teruel", "Navarra", "La Rioja"),
            List.of("Llamar para seguimiento", "Llamada de cualificación", "Confirmar medidas por teléfono"),
            List.of("Reunión de presentación", "Visita a obra", "Revisión de la propuesta con el cliente"),
            List.of("Enviar presupuesto revisado", "Preparar planos", "Pedir referencias de pago"),
            List.of("El cliente compara con dos proveedores", "Prefiere entrega en dos fases"));

    static final DemoCrmTexts ENGLISH = new DemoCrmTexts(
            List.of("admin@northwind.nexo"),
            List.of("Alfreds Futterkiste", "Ana Trujillo", "Around the Horn", "Berglunds", "Blondel", "Bólido Comidas"),
            "Sales team",
            List.of("Sales", "Key accounts"),
            List.of(
                    List.of("New", "Qualified", "Proposal sent", "Negotiation", "Verbal yes"),
                    List.of("Discovery", "Solution design", "Proposal", "Approval")),
            List.of(List.of(10, 25, 50, 70, 90), List.of(15, 35, 60, 85)),
            List.of("Price too high", "Delivery time", "Project postponed", "No budget", "Chose a competitor"),
            List.of(
                    "Annual supply contract",
                    "Seasonal order",
                    "New product line listing",
                    "Catering range for events",
                    "Store opening stock",
                    "Export pallet order"),
            List.of("Maria Anders", "Thomas Hardy", "Christina Berglund", "Frédérique Citeaux", "Martín Sommer"),
            List.of("Great Lakes Food Market", "Hungry Coyote", "Lazy K Kountry Store", "Old World Delicatessen"),
            List.of(
                    "Asks for a price list for the coming season",
                    "Interested in weekly deliveries",
                    "Wants samples of the new line"),
            List.of("London", "Berlin", "Madrid", "Stockholm"),
            List.of("Follow-up call", "Qualification call"),
            List.of("Introduction meeting", "Review the proposal with the buyer"),
            List.of("Send the revised proposal", "Prepare samples"),
            List.of("The buyer compares us with two suppliers"));
}
