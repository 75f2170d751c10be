/** Bean Validation constraints that several modules' forms share. */
package com.nexo.base.validation;
