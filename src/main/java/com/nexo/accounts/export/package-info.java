/** The account list as a CSV file, streamed row by row. */
package com.nexo.accounts.export;
