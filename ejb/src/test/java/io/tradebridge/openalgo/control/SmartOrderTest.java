package io.tradebridge.openalgo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradebridge.orders.entity.Side;
import org.junit.jupiter.api.Test;

/** OpenAlgo's own table for placesmartorder (its documentation, "How PlaceSmartOrder works"). */
class SmartOrderTest {

  private static SmartOrder.Decision decide(int current, int target, int quantity, Side side) {
    return SmartOrder.decide(current, target, quantity, side);
  }

  @Test
  void fromFlatWithNoTargetTheOrderIsPlacedAsGiven() {
    assertEquals(new SmartOrder.Place(Side.BUY, 100), decide(0, 0, 100, Side.BUY));
    assertEquals(new SmartOrder.Place(Side.SELL, 100), decide(0, 0, 100, Side.SELL));
  }

  @Test
  void onlyTheDifferenceToTheTargetIsPlaced() {
    assertEquals(new SmartOrder.Place(Side.BUY, 200), decide(-100, 100, 100, Side.BUY));
    assertEquals(new SmartOrder.Place(Side.BUY, 100), decide(100, 200, 100, Side.BUY));
    assertEquals(new SmartOrder.Place(Side.SELL, 200), decide(100, -100, 100, Side.SELL));
    assertEquals(new SmartOrder.Place(Side.SELL, 100), decide(-100, -200, 100, Side.SELL));
    assertEquals(new SmartOrder.Place(Side.BUY, 5), decide(0, 5, 1, Side.BUY));
  }

  @Test
  void aTargetOfZeroClosesWhateverIsOpenWhicheverSideTheSignalSays() {
    assertEquals(new SmartOrder.Place(Side.SELL, 30), decide(30, 0, 1, Side.BUY));
    assertEquals(new SmartOrder.Place(Side.BUY, 30), decide(-30, 0, 1, Side.SELL));
  }

  @Test
  void aPositionAlreadyAtTheTargetPlacesNothingInOpenAlgosWords() {
    assertEquals(
        new SmartOrder.NoAction("Positions Already Matched. No Action needed."),
        decide(100, 100, 100, Side.BUY));
    assertEquals(
        new SmartOrder.NoAction("No OpenPosition Found. Not placing Exit order."),
        decide(0, 0, 0, Side.SELL));
  }
}
