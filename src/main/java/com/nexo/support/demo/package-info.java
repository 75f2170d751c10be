/** The demo tenant's requests, made through the module's services as the demo client and salesperson. */
package com.nexo.support.demo;
