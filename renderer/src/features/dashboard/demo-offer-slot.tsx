/**
 * Where the dashboard will offer to open the built-in demo project (a later issue): a first-time
 * user then sees a whole deployment without setting up hosts. Renders nothing until then.
 */
export function DemoOfferSlot() {
  return null;
}
