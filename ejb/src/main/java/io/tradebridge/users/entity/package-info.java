/** Users, sessions, sign-in challenges, lockout guards and password resets as stored. */
package io.tradebridge.users.entity;
