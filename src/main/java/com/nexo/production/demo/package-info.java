/**
 * The demo tenant's metal workshop: work centres, workers, articles, bills of three levels, a
 * standard-cost roll-up and production orders in realistic states, made through the production
 * services as the demo production user.
 */
package com.nexo.production.demo;
