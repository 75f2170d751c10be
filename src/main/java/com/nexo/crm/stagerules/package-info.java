/** Stage rules: what happens when an opportunity enters a stage (an activity for the owner, a notice). */
package com.nexo.crm.stagerules;
